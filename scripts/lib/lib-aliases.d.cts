/** Types of lib-aliases.cjs (the library path aliases for Jest, webpack and Vite). */
export declare function libAliases(root?: string): Record<string, string>;
export declare function jestModuleNameMapper(root?: string): Record<string, string>;
export declare function withLibAliases<C extends { resolve?: { alias?: unknown } }>(config: C): C;
