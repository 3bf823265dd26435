// The peer openfloor is measured against: a minimal Bolt for JavaScript app doing the same job over
// HTTP. Bolt's HTTPReceiver serves /slack/events, verifies the v0 signature, acks the event before
// the listener runs, and the listener posts the DM's text to the team channel through the Web API
// at SLACK_API_URL (bench/run points it at bench_fake_web_api). Prints "listening <port>" once up.
'use strict';

const { App } = require('@slack/bolt');

function required(name) {
  const value = process.env[name];
  if (!value) {
    console.error(`bolt peer: ${name} is not set`);
    process.exit(2);
  }
  return value;
}

const teamChannel = required('TEAM_CHANNEL');

const app = new App({
  signingSecret: required('SLACK_SIGNING_SECRET'),
  token: required('SLACK_BOT_TOKEN'),
  clientOptions: { slackApiUrl: required('SLACK_API_URL') },
  // Bolt's default log level (INFO), as openfloor runs at its default (info).
});

// A DM to the bot: post its text to the team channel (what openfloor does, minus the anonymity).
app.message(async ({ message, client }) => {
  if (message.channel_type !== 'im' || message.subtype !== undefined) {
    return;
  }
  await client.chat.postMessage({ channel: teamChannel, text: message.text });
});

app.error(async (error) => {
  console.error(`bolt peer: ${error.message}`);
});

(async () => {
  // PORT unset or 0: the kernel picks a free one (printed below).
  const server = await app.start({ port: Number(process.env.PORT || 0), host: '127.0.0.1' });
  console.log(`listening ${server.address().port}`);
})();

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    app.stop().finally(() => process.exit(0));
  });
}
