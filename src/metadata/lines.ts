/**
 * Finds line numbers in a file's text cheaply: fast-xml-parser gives none, so we look up the
 * position of a marker (e.g. `<name>Update_Account</name>`) with indexOf and count newlines once.
 */
export class LineLocator {
  private readonly lineStarts: number[];

  public constructor(private readonly text: string) {
    const starts = [0];
    for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
    this.lineStarts = starts;
  }

  /** 1-based line of a character offset. */
  public lineAt(offset: number): number {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  }

  /** 1-based line of the first occurrence of `marker` at or after `from`, or undefined. */
  public find(marker: string, from = 0): number | undefined {
    const index = this.text.indexOf(marker, from);
    return index === -1 ? undefined : this.lineAt(index);
  }

  /** Line of `<tag>value</tag>`, the usual way an element names itself in metadata XML. */
  public findElement(tag: string, value: string): number | undefined {
    return this.find(`<${tag}>${escapeXml(value)}</${tag}>`) ?? this.find(`<${tag}>${value}</${tag}>`);
  }
}

function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
