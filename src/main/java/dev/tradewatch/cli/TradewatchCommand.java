package dev.tradewatch.cli;

import picocli.CommandLine.Command;

/** The top-level command; every real action is a subcommand. */
@Command(
    name = "tradewatch",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Streaming monitor for bilateral trade statistics: spikes in, alerts out, exactly once.",
    subcommands = {
      RunCommand.class,
      BrokerCommand.class,
      DemoCommand.class,
      ReplayCommand.class,
      BacktestCommand.class,
      BenchCommand.class,
      RulesCommand.class
    })
public final class TradewatchCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "a command is required (run, broker, …)");
  }
}
