// RFC 3261 §17.1.1.1 and table 4: the timer values every SIP element uses.
export const T1 = 500;
export const T2 = 4000;
/** 64·T1: how long a transaction waits for its answer or keeps its state (timers B, F, H, J). */
export const transactionTimeout = 64 * T1;
