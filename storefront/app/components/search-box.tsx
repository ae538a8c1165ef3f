import { Form, useLocation, useNavigationType, useSubmit } from "@remix-run/react";
import { useEffect, useRef, type FormEvent } from "react";
import { useTranslation } from "react-i18next";

import {
  defaultSearchState,
  flagFilters,
  listingHref,
  MAX_QUERY_LENGTH,
  normaliseQuery,
  parseSearchParams,
} from "../lib/search-params";

/** How long typing must pause before the results follow it. */
export const TYPING_DEBOUNCE_MS = 250;

/**
 * The search box in the site header, on every page. Without JavaScript it is a plain GET form to
 * /search (on the search page it keeps the chosen area, category, filters and order). With it, results
 * follow the typing after a short pause; one bout of typing makes one history entry (the first pause
 * adds it, later pauses replace it), so Back returns to the search before, not to every keystroke.
 * Enter, leaving the box, or any other navigation ends the bout.
 */
export function SearchBox() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigationType = useNavigationType();
  const submit = useSubmit();
  const onSearchPage = location.pathname === "/search";
  const state = onSearchPage ? parseSearchParams(new URLSearchParams(location.search)).state : defaultSearchState;
  const here = `${location.pathname}${location.search}`;

  const input = useRef<HTMLInputElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  /** The URL this bout of typing last asked for; null once the bout is over. */
  const expected = useRef<string | null>(null);
  /** The bout's history entry is in place (its first search arrived): later results replace it. */
  const typing = useRef(false);
  const latest = useRef({ state, here });
  latest.current = { state, here };

  useEffect(() => {
    // Our own search arriving keeps the bout going; Back, Forward or a link end it.
    typing.current = expected.current !== null && here === expected.current;
    // Keep the box in step with the URL, but never under the buyer's fingers.
    const box = input.current;
    if (box && (document.activeElement !== box || navigationType === "POP")) box.value = state.q;
  }, [here, state.q, navigationType]);

  useEffect(() => {
    // Typed on a slow connection before the JavaScript arrived: the results follow now.
    const box = input.current;
    if (box && document.activeElement === box && normaliseQuery(box.value).q !== latest.current.state.q) {
      timer.current = setTimeout(search, TYPING_DEBOUNCE_MS);
    }
    return () => clearTimeout(timer.current);
    // Once, when the page comes alive.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  /** Shows the results for what the box holds, unless they are already on screen. */
  function search() {
    clearTimeout(timer.current);
    timer.current = undefined;
    const box = input.current;
    if (!box) return;
    const { state: base, here: current } = latest.current;
    const href = listingHref("search", base, { q: normaliseQuery(box.value).q });
    if (href === current) return;
    expected.current = href;
    submit(new URLSearchParams(href.slice("/search".length)), {
      method: "get",
      action: "/search",
      replace: typing.current,
      preventScrollReset: true,
    });
  }

  /** Enter, or leaving the box: what was typed is searched now, and the next keystroke starts a new entry. */
  function endBout({ flush }: { flush: boolean }) {
    if (flush) search();
    expected.current = null;
    typing.current = false;
  }

  function onInput(event: FormEvent<HTMLInputElement>) {
    // Mid-word in a pinyin input method the box holds letters, not the characters being chosen.
    if ((event.nativeEvent as InputEvent).isComposing) return;
    clearTimeout(timer.current);
    timer.current = setTimeout(search, TYPING_DEBOUNCE_MS);
  }

  return (
    <Form
      method="get"
      action="/search"
      role="search"
      className="search-box"
      onSubmit={(event) => {
        event.preventDefault();
        endBout({ flush: true });
      }}
    >
      <label htmlFor="site-search" className="visually-hidden">
        {t("search.boxLabel")}
      </label>
      <input
        ref={input}
        id="site-search"
        className="search-box__input"
        type="search"
        name="q"
        defaultValue={state.q}
        placeholder={t("search.boxPlaceholder")}
        maxLength={MAX_QUERY_LENGTH}
        enterKeyHint="search"
        autoComplete="off"
        onInput={onInput}
        onCompositionEnd={onInput}
        onBlur={() => endBout({ flush: timer.current !== undefined })}
      />
      {/* On the search page a new query keeps what else was chosen; the page goes back to 1. */}
      {state.area ? <input type="hidden" name="area" value={state.area} /> : null}
      {state.category ? <input type="hidden" name="category" value={state.category} /> : null}
      {flagFilters.map((flag) => (state[flag] ? <input key={flag} type="hidden" name={flag} value="1" /> : null))}
      {state.sort !== "relevance" ? <input type="hidden" name="sort" value={state.sort} /> : null}
      <button type="submit" className="button search-box__button">
        {t("search.submit")}
      </button>
    </Form>
  );
}
