/**
 * One immutable settings tree for every command, loaded once at start-up from built-in defaults, a
 * {@code --config} properties file, {@code TRADEWATCH_*} environment variables and command-line
 * flags, in that order of precedence. Every value is validated here; a wrong or unknown key stops
 * start-up with a message that names it.
 */
package dev.tradewatch.config;
