package cn.yishi.application.convention;

import cn.yishi.application.convention.Conventions.Scope;
import cn.yishi.application.port.ConventionStore;
import cn.yishi.domain.directory.Directory;
import java.util.Optional;

/** Where a convention applies and how it is named: a community of the directory, or one of its compounds (会客站). */
final class ConventionScopes {
  private final Directory directory;

  ConventionScopes(Directory directory) {
    this.directory = directory;
  }

  /** The scope of a code: a community's code, or the code of one of its compounds (会客站). */
  Optional<Scope> scope(String code) {
    for (Directory.Community c : directory.communities()) {
      if (c.code().equals(code)) {
        return Optional.of(new Scope(c.code(), null, c.name() + "（全社区）"));
      }
      for (Directory.Station s : c.stations()) {
        if (s.code().equals(code)) {
          return Optional.of(new Scope(c.code(), s.code(), c.name() + " " + Conventions.compoundName(s.name())));
        }
      }
    }
    return Optional.empty();
  }

  static String code(Scope s) {
    return s.compound() == null ? s.community() : s.compound();
  }

  String scopeName(ConventionStore.Version v) {
    return scope(v.compound() == null ? v.community() : v.compound()).map(Scope::name).orElse(v.community());
  }

  Optional<Directory.Community> community(String code) {
    return directory.community(code);
  }

  String communityName(String community) {
    return directory.community(community).map(Directory.Community::name).orElse(community);
  }
}
