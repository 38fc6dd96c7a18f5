import { describe, expect, it } from "vitest";
import { clientProps, htmlParts } from "@/scripts/lib/html-parts";

// bench:load's HTML report and the members page's HTML budget read pages through these.
const push = (text: string) => `<script nonce="n">self.__next_f.push([1,${JSON.stringify(text)}])</script>`;
const payload = [
  '1:I[71247,["chunk.js"],"MembersTable"]',
  '2:I[5014,["chunk.js"],"default"]',
  '3:T5,hello',
  '4:["$","div",null,{"className":"x","children":[["$","$L1",null,{"rows":[{"id":"a","name":"Ada"}],"slug":"acme","children":["$","p",null,{}]}],["$","$L2",null,{"icon":{"n":1}}],["$","$L2",null,{"icon":{"n":2}}]]}]',
  "",
].join("\n");

describe("htmlParts", () => {
  it("splits a page into markup, RSC payload scripts and other scripts, and decodes the payload", () => {
    const markup = '<!DOCTYPE html><html><body><table><tr><td>Ada</td></tr></table>';
    const other = '<script src="/a.js" async=""></script>';
    const html = `${markup}${other}${push(payload.slice(0, 40))}${push(payload.slice(40))}</body></html>`;
    const parts = htmlParts(html);
    expect(parts.total).toBe(Buffer.byteLength(html));
    expect(parts.payload).toBe(payload);
    expect(parts.otherScripts).toBe(other.length);
    expect(parts.markup).toBe(markup.length + "</body></html>".length);
    expect(parts.markup + parts.rscScripts + parts.otherScripts).toBe(parts.total);
  });
});

describe("clientProps", () => {
  it("sums each client component's props, without children, largest first", () => {
    const found = clientProps(payload);
    expect(found.map((c) => c.component)).toEqual(["71247#MembersTable", "5014#default"]);
    const table = found[0]!;
    expect(table.instances).toBe(1);
    expect(table.largestProp).toBe("rows");
    expect(table.bytes).toBe(JSON.stringify([{ id: "a", name: "Ada" }]).length + JSON.stringify("acme").length);
    expect(found[1]).toMatchObject({ instances: 2, bytes: 2 * JSON.stringify({ n: 1 }).length, largestProp: "icon" });
  });
});
