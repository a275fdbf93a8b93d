/**
 * Stage 3, render: turns the content graph into HTML pages through Pebble templates. Templates get
 * view models ({@link io.answersite.render.Views}): flat records holding exactly what they show,
 * already resolved, sorted and formatted. Pebble runs with strict variables (a typo in a template
 * fails the build) and auto-escaping; only rendered Markdown is marked safe, in the view model.
 * The theme is the plugin's built-in templates, overridden file by file by a site's own.
 */
package io.answersite.render;
