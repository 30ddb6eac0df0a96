'use strict';
/**
 * The signing secret of one installation: `npm start` must never sign tokens with the development default published
 * in the source. The first start writes 48 random bytes (base64url) to `.data/jwt-secret`, readable by its owner
 * only; every later start reads it back, so tokens survive a restart. JWT_SECRET in the environment wins.
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const MIN_LENGTH = 32;

/** Returns `{ secret, source }`, where source is 'environment', 'created' or 'file'. */
function installationSecret(dataDir, env = process.env) {
  if (env.JWT_SECRET) return { secret: env.JWT_SECRET, source: 'environment' };
  const file = path.join(dataDir, 'jwt-secret');
  let existing = null;
  try {
    existing = fs.readFileSync(file, 'utf8').trim();
  } catch (err) {
    if (err.code !== 'ENOENT') throw err;
  }
  if (existing !== null) {
    if (existing.length < MIN_LENGTH) {
      throw new Error(`${file} holds a secret shorter than ${MIN_LENGTH} characters; delete it to have a new one made`);
    }
    return { secret: existing, source: 'file' };
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const secret = crypto.randomBytes(48).toString('base64url');
  // 'wx' fails if another start created the file meanwhile: then read that one.
  try {
    fs.writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if (err.code === 'EEXIST') return installationSecret(dataDir, env);
    throw err;
  }
  return { secret, source: 'created' };
}

module.exports = { installationSecret };
