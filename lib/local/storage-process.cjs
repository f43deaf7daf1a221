// Embedded DynamoDB (dynalite) and S3 (s3rver) in a process of their own, so that in local mode
// the handlers and the storage they call use different cores. Started by embedded-storage.ts:
//   node storage-process.cjs '<json options>'   →  sends { dynamoPort, s3Port } over IPC
// It stops when its parent disconnects. Plain CommonJS: both servers are CommonJS packages.
const { once } = require('node:events');
const dynalite = require('dynalite');
const S3rver = require('s3rver');

async function main() {
  const options = JSON.parse(process.argv[2]);
  const dynamo = dynalite({
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
    ...(options.dynamoPath ? { path: options.dynamoPath } : {}),
  });
  dynamo.listen(0, '127.0.0.1');
  await once(dynamo, 'listening');
  const s3 = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: options.s3Directory, resetOnClose: !options.persistent });
  const s3Address = await s3.run();
  const stop = async () => {
    await new Promise((resolve) => dynamo.close(resolve));
    await s3.close();
    process.exit(0);
  };
  process.on('disconnect', stop);
  process.on('message', (message) => message === 'stop' && stop());
  process.send({ dynamoPort: dynamo.address().port, s3Port: s3Address.port });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
