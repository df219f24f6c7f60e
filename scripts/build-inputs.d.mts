export declare const BUILD_INPUTS: string[];
export declare function newestSource(root: string): number;
