// The visit at the counter, one object for all its panels: the visit as Rust last told it, with
// each listed document's decision, its pages and the applicant's kept copies. Whether a
// document is certified or refused is Rust's answer, read by the document's place in the list:
// two documents may share a title, and a copy's journal number names the visit, not the document.
import type { CopyView } from "../bindings/CopyView";
import type { Decision } from "../bindings/Decision";
import type { PageView } from "../bindings/PageView";
import type { SharedCopyView } from "../bindings/SharedCopyView";
import type { VisitView } from "../bindings/VisitView";
import { api } from "./api";

type Outcome = Decision["outcome"];

/** The places (1-based) of the listed documents whose decision `holds`. */
const placesWhere = (outcomes: Decision[], holds: (d: Decision) => boolean) =>
  outcomes.flatMap((d, i) => (holds(d) ? [i + 1] : []));

export class CounterVisit {
  view: VisitView = $state()!;
  /** The visit's pages, as the strip last read them. */
  pages = $state<PageView[]>([]);
  /** The applicant's kept copies, of this visit and earlier ones. */
  copies = $state<CopyView[]>([]);
  /** The copies to hand over (ids): this visit's are chosen as they come, earlier ones by the clerk. */
  handOver = $state<number[]>([]);
  #offered = new Set<number>();
  /** The applicant's copies kept at other centers, as the clerk's last lookup in the shared
   * store found them (rule 8); none until the clerk looks them up. */
  elsewhere = $state<SharedCopyView[]>([]);
  /** The fetched copies to hand over (ids among the visit's fetched copies): each chosen once
   * fetched, until the clerk leaves it out. */
  handOverFetched = $state<number[]>([]);
  #fetchedOffered = new Set<number>();

  /** Certified: their pages are frozen. */
  certified = $derived(placesWhere(this.view.outcomes, (d) => d.outcome === "certified"));
  /** Neither certified nor refused: what may still be refused, and what keeps the visit open. */
  undecided = $derived(placesWhere(this.view.outcomes, (d) => d.outcome === "pending"));
  /** Refused with no signed notice yet: the visit ends only once one is signed over them. */
  unnotified = $derived(placesWhere(this.view.outcomes, (d) => d.outcome === "refused" && d.noticeId === null));

  constructor(view: VisitView) {
    this.view = view;
  }

  get id(): number {
    return this.view.id;
  }

  get consented(): boolean {
    return this.view.consentReceivedAt !== null;
  }

  /** What became of listed document `position` (1-based). */
  outcome(position: number): Outcome {
    return this.view.outcomes[position - 1]?.outcome ?? "pending";
  }

  /** How many pages are assigned to listed document `position`. */
  assigned(position: number): number {
    return this.pages.filter((p) => p.position === position).length;
  }

  /** Reads the visit again, after a document was certified or refused or a notice signed. */
  async reload(): Promise<VisitView> {
    this.view = await api.visit(this.id);
    return this.view;
  }

  /** Keeps the applicant's copies as Rust lists them; each copy of this visit seen for the first
   * time is chosen for the hand-over, and a choice the clerk changed stays. */
  keepCopies(copies: CopyView[]) {
    for (const copy of copies) {
      if (this.#offered.has(copy.id)) continue;
      this.#offered.add(copy.id);
      if (copy.visitId === this.id) this.handOver.push(copy.id);
    }
    this.copies = copies;
  }

  /** Copies fetched for this visit from other centers, ready to hand over. */
  get fetched(): SharedCopyView[] {
    return this.elsewhere.filter((c) => c.fetched !== null && !c.here);
  }

  /** Keeps a lookup's answer; a copy already fetched for this visit (before a restart, say)
   * is offered for the hand-over as a newly fetched one is. */
  keepElsewhere(copies: SharedCopyView[]) {
    this.elsewhere = copies;
    for (const copy of copies) if (copy.fetched !== null && !copy.here) this.#offerFetched(copy.fetched);
  }

  /** The copy `copy` was fetched as `id`: chosen for the hand-over. */
  keepFetched(copy: SharedCopyView, id: number) {
    this.elsewhere = this.elsewhere.map((c) =>
      c.installationCode === copy.installationCode && c.copyId === copy.copyId ? { ...c, fetched: id } : c,
    );
    this.#offerFetched(id);
  }

  #offerFetched(id: number) {
    if (this.#fetchedOffered.has(id)) return;
    this.#fetchedOffered.add(id);
    this.handOverFetched.push(id);
  }
}
