// Embedded DynamoDB (dynalite) and S3 (s3rver). embedded-storage.ts starts them in its own
// process (tests) or runs this file as a process of its own (local mode), so that the handlers
// and the storage they call use different cores:
//   node storage-process.cjs '<json settings>'   →  sends { dynamoPort, s3Port } over IPC
// That process stops when its parent disconnects or says 'stop'. Plain CommonJS: both servers are.
const { once } = require('node:events');
const dynalite = require('dynalite');
const S3rver = require('s3rver');

/** Starts both servers on free ports; `close()` stops them. */
async function startServers(settings) {
  const dynamo = dynalite({
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
    ...(settings.dynamoPath ? { path: settings.dynamoPath } : {}),
  });
  dynamo.listen(0, '127.0.0.1');
  await once(dynamo, 'listening');
  const s3 = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: settings.s3Directory,
    resetOnClose: !settings.persistent,
  });
  const s3Address = await s3.run();
  return {
    dynamoPort: dynamo.address().port,
    s3Port: s3Address.port,
    async close() {
      await new Promise((resolve) => dynamo.close(resolve));
      await s3.close();
    },
  };
}

async function serveFromThisProcess() {
  const servers = await startServers(JSON.parse(process.argv[2]));
  const stop = async () => {
    await servers.close();
    process.exit(0);
  };
  process.on('disconnect', stop);
  process.on('message', (message) => message === 'stop' && stop());
  process.send({ dynamoPort: servers.dynamoPort, s3Port: servers.s3Port });
}

module.exports = { startServers };

if (require.main === module) {
  serveFromThisProcess().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
