/**
 * The offline verifier: recomputes a published draw record from the frozen lists and names the first discrepancy.
 * Runs as {@code java -jar draw-verifier.jar record.json --pools DIR [--inspectors FILE] [--conflicts FILE]
 * [--substitutions FILE]}. Pure Java 17 and Jackson.
 */
package org.shuangsuiji.draw.verify;
