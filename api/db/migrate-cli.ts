/** `npm run db:migrate`: apply pending migrations to DATABASE_URL (or the embedded database). */
import { loadEnv } from "../config/env.js";
import { databaseTarget } from "./database-target.js";
import { openDatabase } from "./client.js";

const env = loadEnv();
const target = databaseTarget(env);
const database = await openDatabase(target);
await database.migrate();
await database.close();
console.log(`Migrations applied (${target.kind}).`);
