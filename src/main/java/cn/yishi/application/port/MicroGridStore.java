package cn.yishi.application.port;

import cn.yishi.domain.microgrid.ChangeReason;
import cn.yishi.domain.microgrid.RoleHolder;
import cn.yishi.domain.microgrid.Yuanba;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** The 院坝 (micro-grids) and the terms of their 一长三员. */
public interface MicroGridStore {
  List<Yuanba> all();

  List<Yuanba> inCommunity(String community);

  Optional<Yuanba> find(String code);

  /** The 院坝, its row locked until the transaction ends (one change of its holders at a time). */
  Optional<Yuanba> lock(String code);

  /** A fresh number for the code of a 院坝 added while running. */
  long nextNumber();

  /** Stores the 院坝 unless one with its code exists; whether it was stored. */
  boolean insertIfAbsent(Yuanba yuanba, OffsetDateTime at, String by);

  /** Every term of the 院坝's roles, current and past, oldest first. */
  List<RoleHolder> holders(String yuanba);

  /** Stores a new term; its id. */
  long insertHolder(RoleHolder holder, OffsetDateTime at, String by);

  void endHolder(long id, LocalDate to, ChangeReason reason);
}
