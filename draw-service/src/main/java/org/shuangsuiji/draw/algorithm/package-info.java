/**
 * The deterministic heart of the draw: key derivation, subject ranking ({@code ssj-keyed-rank/1},
 * {@code rfc3797/1}), quotas, team assignment ({@code ssj-teams/1}), substitutions, hashes. Pure Java 17 and Jackson,
 * no framework: the service and the offline verifier run exactly this code. Specification: docs/draw-algorithm.md.
 */
package org.shuangsuiji.draw.algorithm;
