/**
 * A refused upload or download, worded for the buyer. `status` is the HTTP answer: 400 for a file
 * we will not take, 413 for too much, 404 for an order or file that is not theirs.
 */
export class EvidenceError extends Error {
  constructor(
    readonly status: 400 | 404 | 413,
    message: string,
  ) {
    super(message);
    this.name = "EvidenceError";
  }
}
