package io.answersite.graph;

import io.answersite.content.PageKey;
import java.util.AbstractList;
import java.util.BitSet;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Some of a language's glossary term pages in term order, held as a bit set over the glossary's
 * terms: the terms an answer uses without linking them, which the renderer links. With terms that
 * are common words an answer uses most of the glossary; as a list of keys the 47,000 answers of the
 * 50,000-page glossary-common corpus held 95 MB of references to the same 500 keys, more than the
 * heap README names for such a site has to spare (docs/PERFORMANCE.md, session 18).
 */
final class TermPageList extends AbstractList<PageKey> {

    private final BitSet terms;
    private final PageKey[] pages;
    private final int size;

    /** @param terms indexes into {@code pages}, each of which is a term's page (not copied: not to be changed) */
    TermPageList(BitSet terms, PageKey[] pages) {
        this.terms = terms;
        this.pages = pages;
        this.size = terms.cardinality();
    }

    /** Whether this list's pages are {@code pages} (the same array). */
    boolean over(PageKey[] pages) {
        return this.pages == pages;
    }

    /** The indexes of the terms this list holds (not a copy: not to be changed). */
    BitSet terms() {
        return terms;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public PageKey get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        int term = terms.nextSetBit(0);
        for (int i = 0; i < index; i++) {
            term = terms.nextSetBit(term + 1);
        }
        return pages[term];
    }

    @Override
    public Iterator<PageKey> iterator() {
        return new Iterator<>() {
            private int next = terms.nextSetBit(0);

            @Override
            public boolean hasNext() {
                return next >= 0;
            }

            @Override
            public PageKey next() {
                if (next < 0) {
                    throw new NoSuchElementException();
                }
                PageKey page = pages[next];
                next = terms.nextSetBit(next + 1);
                return page;
            }
        };
    }

    @Override
    public boolean equals(Object other) {
        if (other instanceof TermPageList that && that.pages == pages) {
            return that.terms.equals(terms);
        }
        if (!(other instanceof java.util.List<?> list) || list.size() != size) {
            return false;
        }
        Iterator<?> theirs = list.iterator();
        for (PageKey page : this) {
            if (!page.equals(theirs.next())) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return super.hashCode(); // by the elements, through the iterator: equal to any list of the same keys
    }
}
