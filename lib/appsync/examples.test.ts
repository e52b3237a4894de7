import { buildSchema, graphqlSync } from "graphql";
import { describe, expect, it } from "vitest";
import { examplesFromIntrospection, INTROSPECTION } from "./examples";

const sdl = `
  type Note { id: ID! content: String! owner: String tags(limit: Int!): [String] }
  type Query { listNotes: [Note] getNote(id: ID!): Note whoami: String }
  type Mutation { createNote(content: String!): Note deleteNote(id: ID!): Note }
  type Subscription { onCreateNote: Note }
`;

describe("examplesFromIntrospection", () => {
  const data = graphqlSync({ schema: buildSchema(sdl), source: INTROSPECTION.query }).data as never;
  const examples = examplesFromIntrospection(data);

  it("offers the queries that need no arguments, selecting scalar fields", () => {
    expect(examples.queries.map((q) => q.name)).toEqual(["listNotes", "whoami"]);
    expect(examples.queries[0]!.operation.query).toBe("query ListNotes {\n  listNotes { id content owner }\n}");
  });

  it("derives a subscription and the mutation that fires it", () => {
    expect(examples.subscription?.query).toContain("onCreateNote { id content owner }");
    expect(examples.trigger).toEqual({
      query: "mutation CreateNote($content: String!) {\n  createNote(content: $content) { id content owner }\n}",
      variables: { content: "probe from Auth Flow Debugger" },
    });
  });
});
