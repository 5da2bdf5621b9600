/**
 * A trade figure as it arrives and the checks it must pass: value objects (figure, identity, basis,
 * series key), validation with its refusal reasons, money in cents and the date formats of the
 * input.
 */
package dev.tradewatch.domain.figures;
