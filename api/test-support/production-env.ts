/** Every setting production requires, with made-up values: env tests start from it and change one thing. */
export const PRODUCTION_ENV = {
  NODE_ENV: "production",
  DATABASE_URL: "postgres://db.internal/live",
  HMS_APP_ACCESS_KEY: "key",
  HMS_APP_SECRET: "secret",
  HMS_TEMPLATE_ID: "tpl",
  HMS_WEBHOOK_SECRET: "a-long-shared-webhook-secret",
  AUTH0_DOMAIN: "yoga.eu.auth0.com",
  AUTH0_AUDIENCE: "https://api.live-sessions.app",
  AUTH0_CLIENT_ID: "web-client",
  AUTH0_CLIENT_SECRET: "web-client-secret",
  SESSION_SECRET: "s".repeat(32),
  APP_URL: "https://live.example.com",
  SMTP_URL: "smtp://mailer:password@smtp.example.com:587",
  MAIL_FROM: "Live Sessions <classes@live.example.com>",
};
