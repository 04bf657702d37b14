/**
 * One copy of each field and object name: every profile repeats all of them (millions of strings at
 * enterprise scale). Lists already made of interned names are marked, so they are not walked again.
 */
export class Interner {
  private readonly names = new Map<string, string>();
  private readonly done = new WeakSet<object>();

  public intern(name: string): string {
    const known = this.names.get(name);
    if (known !== undefined) return known;
    this.names.set(name, name);
    return name;
  }

  public markInterned(list: object): void {
    this.done.add(list);
  }

  public isInterned(list: object): boolean {
    return this.done.has(list);
  }
}
