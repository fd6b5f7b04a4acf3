// Kubernetes objects checked offline against the OpenAPI schemas of Kubernetes 1.27 as the
// kubernetes-models package ships them: its validators (types, required fields, enums, formats)
// plus a walk over its type declarations for unknown fields, which the OpenAPI schemas allow but
// the API server drops or refuses (kubectl --validate=strict), e.g. "readinesProbe".
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const modelsDir = path.dirname(require.resolve("kubernetes-models/package.json"));
const packagesDir = path.dirname(modelsDir);

/// The kubernetes-models class for `apiVersion`/`kind`, or undefined when it has none.
export function modelFor(apiVersion, kind) {
  try {
    return require(`kubernetes-models/${apiVersion}`)[kind];
  } catch {
    return undefined;
  }
}

/// Problems of `object` by the schema of its kind: validator errors, then unknown fields.
export function schemaProblems(object) {
  const Model = modelFor(object.apiVersion, object.kind);
  if (!Model) return [`no schema for ${object.apiVersion} ${object.kind}`];
  const problems = [];
  try {
    new Model(object).validate();
  } catch (e) {
    problems.push(e.message);
  }
  const declaration = path.join(modelsDir, object.apiVersion, `${object.kind}.d.ts`);
  unknownFields(object, interfaceOf(declaration), "", problems);
  return problems;
}

const interfaces = new Map();

// The fields of the first interface declared in `file`: name -> type text, and where its
// imported type names are declared. Null for a type alias (e.g. Quantity = number | string).
function interfaceOf(file) {
  if (interfaces.has(file)) return interfaces.get(file);
  const text = readFileSync(file, "utf8");
  const body = text.match(/export interface \w+(?: extends [\w, ]+)? \{\n([\s\S]*?)\n\}/);
  let result = null;
  if (body) {
    const imports = new Map();
    for (const m of text.matchAll(/import \{ (\w+) \} from "([^"]+)";/g)) imports.set(m[1], resolveImport(file, m[2]));
    result = { fields: fieldsOf(body[1]), imports };
  }
  interfaces.set(file, result);
  return result;
}

function resolveImport(file, specifier) {
  const base = specifier.startsWith(".") ? path.resolve(path.dirname(file), specifier) : path.join(packagesDir, specifier);
  return base + ".d.ts";
}

// `"name"?: type;` entries at brace depth 0 of an interface body; types may span lines.
function fieldsOf(body) {
  const fields = new Map();
  const pattern = /"([^"]+)"\??: /g;
  let match;
  while ((match = pattern.exec(body))) {
    let depth = 0;
    let end = pattern.lastIndex;
    for (; end < body.length; ++end) {
      const c = body[end];
      if (c === "{" || c === "<") ++depth;
      else if (c === "}" || c === ">") --depth;
      else if (c === ";" && depth === 0) break;
    }
    fields.set(match[1], body.slice(pattern.lastIndex, end).trim());
    pattern.lastIndex = end + 1;
  }
  return fields;
}

function unknownFields(value, declaration, where, problems) {
  if (!declaration || value === null || typeof value !== "object" || Array.isArray(value)) return;
  for (const [key, child] of Object.entries(value)) {
    const type = declaration.fields.get(key);
    if (type === undefined) problems.push(`${where}/${key}: unknown field`);
    else checkType(child, type, declaration, `${where}/${key}`, problems);
  }
}

function checkType(value, type, declaration, where, problems) {
  const array = type.match(/^Array<(.+)>$/s);
  if (array) {
    if (Array.isArray(value)) value.forEach((item, i) => checkType(item, array[1], declaration, `${where}/${i}`, problems));
    return;
  }
  const map = type.match(/^\{\s*\[key: string\]: (.+?);?\s*\}$/s);
  if (map) {
    if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) checkType(v, map[1], declaration, `${where}/${k}`, problems);
    return;
  }
  const file = declaration.imports.get(type);
  if (file) unknownFields(value, interfaceOf(file), where, problems);
}
