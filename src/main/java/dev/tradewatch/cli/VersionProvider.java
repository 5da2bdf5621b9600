package dev.tradewatch.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The project version, written into a resource by the build (so classes and the jar agree). */
public final class VersionProvider implements IVersionProvider {

  @Override
  public String[] getVersion() throws IOException {
    Properties properties = new Properties();
    try (InputStream in =
        VersionProvider.class.getResourceAsStream("/tradewatch-version.properties")) {
      if (in != null) {
        properties.load(in);
      }
    }
    return new String[] {"tradewatch " + properties.getProperty("version", "(unknown version)")};
  }
}
