/**
 * Stage 5, write: all files of a build go into a staging folder beside the output folder; only a
 * build without errors changes the output folder, so a failed build leaves the previous site as it
 * was. The change is journaled ({@link io.answersite.output.CommitJournal}): a build stopped at any
 * moment leaves the previous or the new site once the next build has run
 * ({@link io.answersite.output.OutputTree#recover}). One build at a time changes an output folder
 * ({@link io.answersite.output.OutputLock}). Every path is checked to stay inside the staging folder.
 */
package io.answersite.output;
