package dev.tradewatch.config;

import dev.tradewatch.domain.rules.Rule;

/**
 * An override key, {@code tradewatch.rules.<rule>.overrides.<selector>.<key>}, in its parts: a
 * known rule, the selector's text ({@code TUR-USA}, {@code *-*-93}; its codes and category not
 * checked yet) and one of the rule's keys.
 */
record OverrideKey(Rule<?> rule, String selector, String key) {}
