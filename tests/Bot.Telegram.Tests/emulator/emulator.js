// Starts telegram-test-api 4.2.1 on 127.0.0.1 (the package has no runnable bin/).
// Prints "READY <port>" once listening; stops when its stdin closes (the test process went away).
const net = require('net');
const TelegramServer = require('telegram-test-api');

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

(async () => {
  const port = Number(process.argv[2]) || await freePort();
  const server = new TelegramServer({ port, host: '127.0.0.1', storeTimeout: 3600 });
  await server.start();
  process.stdout.write(`READY ${port}\n`);
  const stop = () => server.stop().finally(() => process.exit(0));
  process.stdin.on('end', stop);
  process.stdin.on('close', stop);
  process.on('SIGTERM', stop);
  process.stdin.resume();
})().catch((e) => { console.error(e); process.exit(1); });
