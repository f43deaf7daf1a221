/**
 * `open-data` → `OpenData`, `api_key` → `ApiKey`: how the names a service declares become its
 * stack's area and its construct ids. Those ids are part of logical ids (`<Name>Table`,
 * `<Name>Function`), so changing this would replace stored data.
 */
export function pascalCase(name: string): string {
  return name.replace(/(^|[-_])(\w)/g, (_m, _s, c: string) => c.toUpperCase());
}
