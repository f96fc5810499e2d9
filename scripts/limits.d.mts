export const SERVER_ACTION_BODY_LIMIT_BYTES: number;
export const TOO_LARGE_MESSAGE: string;
