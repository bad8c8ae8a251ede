package cn.yishi.adapter.outbound.directory;

import cn.yishi.adapter.outbound.yaml.YamlFileException;

/** The directory file is malformed. Names the file, the line and the problem. */
public class DirectoryException extends YamlFileException {
  public DirectoryException(String file, int line, String problem) {
    super("组织目录文件", file, line, problem,
        "Correct the organisation directory file (yishi.directory.location) and start again.");
  }
}
