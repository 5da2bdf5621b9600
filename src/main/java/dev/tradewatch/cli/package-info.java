/**
 * The command line: one picocli class per subcommand ({@code run}, {@code broker}, …), shared
 * options as mixins. Commands parse, load settings and hand over to the runtime; exit codes are
 * decided in {@link dev.tradewatch.Main}.
 */
package dev.tradewatch.cli;
