import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** The JSDoc of one field, and the TypeScript type of its zod schema (to find nested objects). */
export interface FieldDoc {
  description: string;
  schemaType: ts.Type;
}

/**
 * Reads the JSDoc of zod schema fields with the TypeScript compiler: the `shape` of a
 * `z.object(...)` type keeps each property's declaration, JSDoc included, through `.extend()`,
 * `.default()`, arrays and unions, so the docs follow the schema wherever it is reused.
 */
export class SchemaDocs {
  private readonly checker: ts.TypeChecker;
  private readonly exports: Map<string, ts.Symbol>;

  constructor(schemaIndexFile: string) {
    const configFile = ts.findConfigFile(dirname(schemaIndexFile), (file) =>
      ts.sys.fileExists(file),
    );
    const options: ts.CompilerOptions = configFile
      ? ts.parseJsonConfigFileContent(
          ts.readConfigFile(configFile, (file) => ts.sys.readFile(file)).config,
          ts.sys,
          dirname(configFile),
        ).options
      : { strict: true, allowImportingTsExtensions: true, noEmit: true };
    const program = ts.createProgram([schemaIndexFile], { ...options, noEmit: true });
    this.checker = program.getTypeChecker();
    const source = program.getSourceFile(schemaIndexFile);
    const moduleSymbol = source && this.checker.getSymbolAtLocation(source);
    if (!moduleSymbol) throw new Error(`cannot read the schema module ${schemaIndexFile}`);
    this.exports = new Map(
      this.checker.getExportsOfModule(moduleSymbol).map((symbol) => [symbol.name, symbol]),
    );
  }

  /** The TypeScript type of an exported schema, e.g. `reportSchema`. */
  exportedType(name: string): ts.Type {
    const symbol = this.exports.get(name);
    if (!symbol) throw new Error(`the schema module exports no "${name}"`);
    return this.checker.getTypeOfSymbol(symbol);
  }

  /** The JSDoc on an exported schema constant itself, or ''. */
  exportedDescription(name: string): string {
    const symbol = this.exports.get(name);
    if (!symbol) return '';
    const target =
      symbol.flags & ts.SymbolFlags.Alias ? this.checker.getAliasedSymbol(symbol) : symbol;
    return ts.displayPartsToString(target.getDocumentationComment(this.checker)).trim();
  }

  /** Where an exported schema is declared, relative to `root` (for error messages). */
  declarationFile(symbol: ts.Symbol, root: string): string {
    const file = symbol.declarations?.[0]?.getSourceFile().fileName;
    return file ? relative(root, file) : '(unknown file)';
  }

  /**
   * Every zod object type reachable from `type` through wrapper type arguments (optional,
   * default, array, union, record, pipe), without entering the objects themselves.
   */
  nestedObjectTypes(type: ts.Type, depth = 0): ts.Type[] {
    if (depth > 8) return [];
    if (this.shapeOf(type)) return [type];
    return this.typeArguments(type).flatMap((argument) =>
      this.nestedObjectTypes(argument, depth + 1),
    );
  }

  /** The JSDoc of each field of a zod object type, by field name. */
  fieldDocs(objectType: ts.Type): Map<string, FieldDoc> {
    const shape = this.shapeOf(objectType);
    if (!shape) throw new Error(`${this.checker.typeToString(objectType)} is not a zod object`);
    const docs = new Map<string, FieldDoc>();
    for (const property of this.checker.getPropertiesOfType(shape)) {
      const description = ts
        .displayPartsToString(property.getDocumentationComment(this.checker))
        .replace(/\s*\n\s*/g, ' ')
        .trim();
      docs.set(property.name, { description, schemaType: this.checker.getTypeOfSymbol(property) });
    }
    return docs;
  }

  private shapeOf(type: ts.Type): ts.Type | undefined {
    if (!this.typeName(type).startsWith('ZodObject')) return undefined;
    const shape = type.getProperty('shape');
    return shape ? this.checker.getTypeOfSymbol(shape) : undefined;
  }

  private typeName(type: ts.Type): string {
    return (type.aliasSymbol ?? type.getSymbol())?.name ?? '';
  }

  private typeArguments(type: ts.Type): readonly ts.Type[] {
    if (type.isUnion() || type.isIntersection()) return type.types;
    const name = this.typeName(type);
    const isZod = name.startsWith('Zod') || name.startsWith('$Zod');
    const isTuple = this.checker.isTupleType(type);
    if (!isZod && !isTuple) return [];
    if (type.aliasTypeArguments?.length) return type.aliasTypeArguments;
    return (type.flags & ts.TypeFlags.Object) !== 0 &&
      ((type as ts.ObjectType).objectFlags & ts.ObjectFlags.Reference) !== 0
      ? this.checker.getTypeArguments(type as ts.TypeReference)
      : [];
  }
}

/** `src/lib/schema/index.ts`, found from this file. */
export function schemaIndexFile(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..', 'schema', 'index.ts');
}
