/**
 * The bundled demo dataset: the reference case and a synthetic background, clearly labelled as
 * synthetic.
 */
package dev.tradewatch.demo;
