import { describe, expect, it } from "vitest";
import { fillTemplate, placeholdersOf, TemplateError, type Fields } from "../../../templates/letters/fill-template.ts";

const fields: Fields = {
  name: { text: "Ana", known: true },
  order: { text: "", known: false },
  steps: { text: "- 1 May: asked", known: true },
};

describe("fillTemplate", () => {
  it("fills known values and leaves out, whole, a line that needs a fact nobody recorded", () => {
    expect(fillTemplate("Hi {{name}}.\nYour order {{ order }} is late.\nBye", fields)).toBe("Hi Ana.\nBye\n");
    // Never a blank or a bracket in place of the missing fact.
    expect(fillTemplate("Order: {{order}}", fields)).toBe("\n");
  });

  it("keeps a {{#…}} section only when the fact is known and {{^…}} only when it is not", () => {
    const out = fillTemplate("{{#name}}has name{{/name}} {{#order}}has order{{/order}} {{^order}}no order{{/order}}", fields);
    expect(out).toBe("has name  no order\n");
  });

  it("drops lines that hold only a section mark or a note, without leaving empty lines", () => {
    const template = "{{! editor's note }}\nA\n{{#order}}\nnever\n{{/order}}\n{{#steps}}\nSteps:\n{{steps}}\n{{/steps}}\nB\n";
    expect(fillTemplate(template, fields)).toBe("A\nSteps:\n- 1 May: asked\nB\n");
  });

  it("nests sections", () => {
    expect(fillTemplate("{{#name}}[{{^order}}x{{/order}}]{{/name}}", fields)).toBe("[x]\n");
  });

  it("stops on a misspelt placeholder instead of printing a silent blank", () => {
    expect(() => fillTemplate("Dear {{nmae}}", fields)).toThrow(TemplateError);
    expect(() => fillTemplate("Dear {{nmae}}", fields)).toThrow(/nmae.*known: name, order, steps/);
  });

  it("reports unbalanced sections", () => {
    expect(() => fillTemplate("{{#name}} open", fields)).toThrow(/never closed/);
    expect(() => fillTemplate("{{#name}} x {{/order}}", fields)).toThrow(/closes/);
    expect(() => fillTemplate("x {{/order}}", fields)).toThrow(/closes nothing/);
  });

  it("lists the names a template uses", () => {
    expect(placeholdersOf("{{a}} {{#b}}{{c}}{{/b}} {{! d }}")).toEqual(["a", "b", "c"]);
  });
});
