export declare const chromiumFlags: string[];
export declare const chromiumCandidates: string[];
export declare function chromiumPath(): string | undefined;
