/**
 * {@code mvn site:new}: a new page from an archetype ({@code templates/archetypes/<type>.md}, the
 * site's own first), or a translation that copies the structure of an existing page.
 */
package io.answersite.scaffold;
