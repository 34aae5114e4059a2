/**
 * The draw record: plain Java records serialised as JSON (see {@code docs/draw-algorithm.md}). Pure Java 17 and
 * Jackson only, so the service and the offline verifier read and write byte-identical documents.
 */
package org.shuangsuiji.draw.algorithm.record;
