/**
 * Running a stage's independent items on both cores ({@link io.answersite.work.Parallel}). Imports
 * nothing of the project, so every stage may use it.
 */
package io.answersite.work;
