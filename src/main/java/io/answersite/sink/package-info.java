/**
 * Where the stages that produce files put them: {@link io.answersite.sink.SiteOutput} (paths checked
 * to stay inside the site), kept in memory for the preview ({@link io.answersite.sink.MemoryOutput}) or
 * shown to an observer as they pass ({@link io.answersite.sink.ObservedOutput}). Below the stages, so
 * that render, emit and search write without naming the write stage, which puts the files on disk
 * ({@code output.OutputTree}).
 */
package io.answersite.sink;
