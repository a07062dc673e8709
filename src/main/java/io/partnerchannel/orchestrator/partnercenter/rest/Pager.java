package io.partnerchannel.orchestrator.partnercenter.rest;

import io.partnerchannel.orchestrator.partnercenter.PartnerCenterException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Follows a listing's continuation links to the end: Partner Center's {@code links.next} (with its
 * continuation-token header) or Graph's {@code @odata.nextLink}. A listing with more than {@code maxPages} pages,
 * or whose next link repeats one already followed, fails with a {@link PartnerCenterException} naming it,
 * instead of stopping silently with part of the items.
 *
 * @param <P> the page type
 * @param <T> the item type
 */
final class Pager<P, T> {

  /** How a page is read: its items, the key of its next link (or null at the end), and how to fetch that. */
  private final String listing;
  private final int maxPages;
  private final Function<P, List<T>> items;
  private final Function<P, String> nextLink;
  private final Function<P, P> fetchNext;

  /**
   * @param listing the listing's name in errors, e.g. {@code GET /v1/customers}
   * @param maxPages the most pages followed ({@code pco.partner-center.max-pages})
   * @param items the items of a page (never null)
   * @param nextLink the next link of a page, or null on the last page
   * @param fetchNext fetches the page after the given one
   */
  public Pager(String listing, int maxPages, Function<P, List<T>> items, Function<P, String> nextLink,
      Function<P, P> fetchNext) {
    this.listing = listing;
    this.maxPages = maxPages;
    this.items = items;
    this.nextLink = nextLink;
    this.fetchNext = fetchNext;
  }

  /**
   * @param first the first page, may be null (no items)
   * @return every item of every page, in order
   * @throws PartnerCenterException past {@code maxPages} pages or on a repeated next link
   */
  public List<T> all(P first) {
    List<T> all = new ArrayList<>();
    walk(first, page -> {
      all.addAll(items.apply(page));
      return false;
    });
    return all;
  }

  /**
   * @param first the first page, may be null (no items)
   * @param match the item looked for
   * @return the first matching item; the pages after it are not read
   * @throws PartnerCenterException past {@code maxPages} pages or on a repeated next link
   */
  public Optional<T> find(P first, Predicate<T> match) {
    List<T> found = new ArrayList<>(1);
    walk(first, page -> {
      items.apply(page).stream().filter(match).findFirst().ifPresent(found::add);
      return !found.isEmpty();
    });
    return found.stream().findFirst();
  }

  private void walk(P first, Function<P, Boolean> done) {
    Set<String> followed = new HashSet<>();
    P page = first;
    for (int pages = 1; page != null; pages++) {
      if (done.apply(page)) {
        return;
      }
      String next = nextLink.apply(page);
      if (next == null || next.isBlank()) {
        return;
      }
      if (!followed.add(next)) {
        throw new PartnerCenterException(0, null,
            listing + ": page " + pages + " links to a page already read (" + next + "); the listing loops", null);
      }
      if (pages >= maxPages) {
        throw new PartnerCenterException(0, null, listing + " has more than " + maxPages
            + " pages (pco.partner-center.max-pages); refusing to stop with part of the items", null);
      }
      page = fetchNext.apply(page);
    }
  }
}
