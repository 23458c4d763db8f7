/**
 * Sends the first request of a client alone. Until the API has answered once, nobody knows
 * whether the credentials work; concurrent first requests with a bad password would each count
 * as a failed login (DNSPod bans after 30 in 5 minutes; WEDOS blocks the IP after 10 invalid
 * requests). So the others wait for that first answer, then go ahead or fail fast.
 */
export class FirstCallGate {
  private first: Promise<void> | undefined;
  private done = false;

  async run<T>(send: () => Promise<T>): Promise<T> {
    if (this.done) return send();
    if (this.first) {
      await this.first;
      return send();
    }
    let release!: () => void;
    this.first = new Promise<void>((r) => (release = r));
    try {
      return await send();
    } finally {
      this.done = true;
      release();
    }
  }
}
