/**
 * Stage 5, write: all files of a build go into a staging folder beside the output folder; only a
 * build without errors replaces the output folder with it, so a failed build leaves the previous
 * site as it was. Every path is checked to stay inside the staging folder.
 */
package io.answersite.output;
