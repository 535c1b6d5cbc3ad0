#!/usr/bin/env node
// npx franceconnect-local --client-id ID --client-secret SECRET --redirect-uri URI …
// The local FranceConnect v2 alone, for developing a service against it (--help).
import { main } from '../local-franceconnect/server.mjs';

await main();
