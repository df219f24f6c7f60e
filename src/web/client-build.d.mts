import type { BuildOptions } from 'esbuild';

export declare const CLIENT_DIR: string;
export declare const ICON: string;
export declare function clientBuildOptions(dev: boolean): BuildOptions & { entryPoints: Record<string, string> };
export declare function staticAssets(): Promise<Record<string, string>>;
