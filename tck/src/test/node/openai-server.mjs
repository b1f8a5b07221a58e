// An independent OpenAI-compatible server, written apart from llmtck's reference platform (no shared code,
// plain Node.js, no dependencies), so the runner's tests can show that the OpenAI contract passes on a
// conforming platform that is not our own, and fails, clause by clause, on one broken in exactly one way.
//
//   node openai-server.mjs [--port 0] [--api-key KEY] [--model NAME] [--max-model-len N] [--break DEFECT]...
//
// Prints its base URL (http://127.0.0.1:PORT/v1) as the first line on stdout once it listens.
// Defects (--break): no-done, wrong-chunk-object, auth-ignored, usage-mismatch, max-tokens-ignored,
// unknown-model-served, plain-text-errors, bad-json-500, no-models, stream-differs, no-role, buffered-stream,
// eos-token (TGI's finish_reason for a natural end), json-as-text (JSON answers served as text/plain).
import http from 'node:http';
import crypto from 'node:crypto';

const options = { port: 0, apiKey: null, model: 'independent-model', maxModelLen: 65536, breaks: new Set() };
const DEFECTS = new Set(['no-done', 'wrong-chunk-object', 'auth-ignored', 'usage-mismatch', 'max-tokens-ignored',
  'unknown-model-served', 'plain-text-errors', 'bad-json-500', 'no-models', 'stream-differs', 'no-role',
  'buffered-stream', 'eos-token', 'json-as-text']);
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  let [flag, value] = args[i].includes('=') ? args[i].split(/=(.*)/s, 2) : [args[i], args[++i]];
  switch (flag) {
    case '--port': options.port = Number(value); break;
    case '--api-key': options.apiKey = value; break;
    case '--model': options.model = value; break;
    case '--max-model-len': options.maxModelLen = Number(value); break;
    case '--break':
      if (!DEFECTS.has(value)) { console.error(`unknown defect ${value}; known: ${[...DEFECTS].join(', ')}`); process.exit(2); }
      options.breaks.add(value); break;
    default: console.error(`unknown option ${flag}`); process.exit(2);
  }
}
const broken = (defect) => options.breaks.has(defect);
const created = Math.floor(Date.now() / 1000);

const VOCABULARY = ('the a quiet river runs past old stone houses where lanterns glow and bread is baked each ' +
  'morning while gulls circle over harbour boats painted blue green and red as fishermen mend their nets ' +
  'under a pale sky that promises rain before evening comes').split(' ');

class HttpError extends Error {
  constructor(status, type, message, param = null) { super(message); this.status = status; this.type = type; this.param = param; }
}

// A small seeded generator (mulberry32): the same prompt and seed give the same words.
function generator(seedText) {
  let a = crypto.createHash('sha256').update(seedText).digest().readUInt32LE(0);
  return () => {
    a = (a + 0x6D2B79F5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const countTokens = (text) => (text.match(/\S+/g) || []).length;

// The answer for a prompt: words up to a natural end (12 to 30 words), then max_tokens and stop applied.
function answer(promptText, body) {
  const greedy = body.temperature === 0 || body.seed !== undefined;
  const random = generator(promptText + '|' + (greedy ? String(body.seed ?? 0) : crypto.randomUUID()));
  const natural = 12 + Math.floor(random() * 19);
  let words = [];
  for (let i = 0; i < natural; i++) words.push(VOCABULARY[Math.floor(random() * VOCABULARY.length)]);
  words[words.length - 1] += '.';
  let finish = 'stop';
  const limit = body.max_tokens ?? body.max_completion_tokens;
  if (limit !== undefined && limit !== null && words.length > limit && !broken('max-tokens-ignored')) {
    words = words.slice(0, limit);
    finish = 'length';
  }
  let text = words.join(' ');
  const stops = body.stop === undefined || body.stop === null ? [] : [].concat(body.stop);
  for (const stop of stops) {
    const at = text.indexOf(stop);
    if (stop && at >= 0) { text = text.slice(0, at); finish = 'stop'; }
  }
  return { text, finish, tokens: countTokens(text) };
}

function validateCommon(body) {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new HttpError(400, 'BadRequestError', 'the body must be a JSON object');
  const model = body.model ?? options.model;
  if (model !== options.model && !broken('unknown-model-served')) {
    throw new HttpError(404, 'NotFoundError', `The model \`${model}\` does not exist.`, 'model');
  }
  for (const field of ['max_tokens', 'max_completion_tokens']) {
    if (body[field] !== undefined && body[field] !== null && (!Number.isInteger(body[field]) || body[field] < 1)) {
      throw new HttpError(400, 'BadRequestError', `${field} must be at least 1, got ${body[field]}.`, field);
    }
  }
  return model;
}

function checkContext(promptTokens, body) {
  const wanted = promptTokens + (body.max_tokens ?? 16);
  if (promptTokens >= options.maxModelLen || wanted > options.maxModelLen) {
    throw new HttpError(400, 'BadRequestError', `This model's maximum context length is ${options.maxModelLen} ` +
      `tokens. However, you requested ${wanted} tokens (${promptTokens} in the messages, ${wanted - promptTokens} ` +
      'in the completion). Please reduce the length of the messages or completion.');
  }
}

const ROLES = new Set(['system', 'developer', 'user', 'assistant', 'tool']);

function chat(body) {
  const model = validateCommon(body);
  if (!Array.isArray(body.messages) || body.messages.length === 0) {
    throw new HttpError(400, 'BadRequestError', 'messages: a non-empty array is required', 'messages');
  }
  let promptText = '';
  for (const [i, message] of body.messages.entries()) {
    if (!message || !ROLES.has(message.role)) {
      throw new HttpError(400, 'BadRequestError', `messages[${i}].role must be one of ${[...ROLES].join(', ')}`, 'messages');
    }
    const content = typeof message.content === 'string' ? message.content
      : Array.isArray(message.content) ? message.content.map((part) => part.text ?? '').join(' ') : '';
    promptText += `${message.role}: ${content}\n`;
  }
  const promptTokens = countTokens(promptText);
  checkContext(promptTokens, body);
  const last = body.messages[body.messages.length - 1];
  const tools = Array.isArray(body.tools) ? body.tools : [];
  let toolCall = null;
  if (tools.length > 0 && body.tool_choice !== 'none') {
    const named = body.tool_choice && typeof body.tool_choice === 'object' ? body.tool_choice.function?.name : null;
    const tool = named ? tools.find((t) => t.function?.name === named) : tools[0];
    if (named && !tool) throw new HttpError(400, 'BadRequestError', `tool_choice names an unknown function ${named}`, 'tool_choice');
    if (named || last.role === 'user') toolCall = callOf(tool.function, promptText);
  }
  if (toolCall) {
    return { model, promptTokens, toolCall, text: null, finish: 'tool_calls', tokens: countTokens(toolCall.function.arguments) };
  }
  return { model, promptTokens, ...answer(promptText, body) };
}

function callOf(fn, promptText) {
  const args = {};
  for (const [name, schema] of Object.entries(fn.parameters?.properties ?? {})) {
    args[name] = schema.type === 'number' || schema.type === 'integer' ? 1 : schema.type === 'boolean' ? true
      : (promptText.match(/\b[A-Z][a-z]+\b(?=[^A-Z]*$)/) || ['Paris'])[0];
  }
  return { id: 'call_' + crypto.randomBytes(6).toString('hex'), type: 'function',
    function: { name: fn.name, arguments: JSON.stringify(args) } };
}

function usage(promptTokens, completionTokens) {
  return { prompt_tokens: promptTokens, completion_tokens: completionTokens,
    total_tokens: promptTokens + completionTokens + (broken('usage-mismatch') ? 3 : 0) };
}

function completion(body) {
  const model = validateCommon(body);
  const prompt = Array.isArray(body.prompt) ? body.prompt[0] : body.prompt;
  if (typeof prompt !== 'string') throw new HttpError(400, 'BadRequestError', 'prompt: a string is required', 'prompt');
  const promptText = prompt + (typeof body.suffix === 'string' ? '\n<suffix>' + body.suffix : '');
  const promptTokens = Math.max(1, countTokens(promptText));
  checkContext(promptTokens, body);
  return { model, promptTokens, ...answer(promptText, body) };
}

// The pieces a text streams in: one word (with its leading space) per chunk.
function pieces(text) {
  const parts = text.match(/\s*\S+/g) || [];
  if (broken('stream-differs') && parts.length > 1) parts[parts.length - 1] = ' and more';
  return parts;
}

function naturalEnd(finish) {
  return finish === 'stop' && broken('eos-token') ? 'eos_token' : finish;
}

function sendJson(res, status, body) {
  const bytes = Buffer.from(JSON.stringify(body));
  const type = broken('json-as-text') && status < 400 ? 'text/plain' : 'application/json';
  res.writeHead(status, { 'content-type': type, 'content-length': bytes.length });
  res.end(bytes);
}

function sendError(res, error) {
  if (broken('plain-text-errors')) {
    res.writeHead(error.status, { 'content-type': 'text/plain' });
    res.end(`${error.status} ${error.message}`);
    return;
  }
  // OpenAI's string codes (vLLM sends the status as a number, which openai-java's code() rejects: OAI-ERR-6)
  const code = error.status === 404 ? 'model_not_found'
    : error.message.includes('maximum context length') ? 'context_length_exceeded' : null;
  sendJson(res, error.status, { error: { message: error.message, type: error.type, param: error.param, code } });
}

function stream(res, events) {
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
  const frames = events.map((event) => `data: ${JSON.stringify(event)}\n\n`);
  if (!broken('no-done')) frames.push('data: [DONE]\n\n');
  if (broken('buffered-stream')) { res.end(frames.join('')); return; }
  let i = 0;
  const next = () => {
    if (res.destroyed) return;
    if (i >= frames.length) { res.end(); return; }
    res.write(frames[i++]);
    setTimeout(next, 4);
  };
  setTimeout(next, 15);
}

function chatResponse(res, body) {
  const result = chat(body);
  const id = 'chatcmpl-' + crypto.randomBytes(8).toString('hex');
  if (!body.stream) {
    const message = { role: 'assistant', content: result.text };
    if (result.toolCall) message.tool_calls = [result.toolCall];
    sendJson(res, 200, { id, object: 'chat.completion', created, model: result.model,
      choices: [{ index: 0, message, logprobs: null, finish_reason: naturalEnd(result.finish) }],
      usage: usage(result.promptTokens, result.tokens) });
    return;
  }
  const object = broken('wrong-chunk-object') ? 'chat.completion' : 'chat.completion.chunk';
  const chunk = (delta, finish = null) => ({ id, object, created, model: result.model,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: naturalEnd(finish) }] });
  const events = [chunk(broken('no-role') ? { content: '' } : { role: 'assistant', content: '' })];
  if (result.toolCall) {
    const call = result.toolCall;
    events.push(chunk({ tool_calls: [{ index: 0, id: call.id, type: 'function', function: { name: call.function.name, arguments: '' } }] }));
    const args = call.function.arguments;
    const half = Math.ceil(args.length / 2);
    for (const part of [args.slice(0, half), args.slice(half)]) {
      events.push(chunk({ tool_calls: [{ index: 0, function: { arguments: part } }] }));
    }
  } else {
    for (const piece of pieces(result.text)) events.push(chunk({ content: piece }));
  }
  events.push(chunk({}, result.finish));
  if (body.stream_options?.include_usage) {
    events.push({ id, object, created, model: result.model, choices: [], usage: usage(result.promptTokens, result.tokens) });
  }
  stream(res, events);
}

function completionResponse(res, body) {
  const result = completion(body);
  const id = 'cmpl-' + crypto.randomBytes(8).toString('hex');
  if (!body.stream) {
    sendJson(res, 200, { id, object: 'text_completion', created, model: result.model,
      choices: [{ index: 0, text: result.text, logprobs: null, finish_reason: result.finish }],
      usage: usage(result.promptTokens, result.tokens) });
    return;
  }
  const chunk = (text, finish = null) => ({ id, object: 'text_completion', created, model: result.model,
    choices: [{ index: 0, text, logprobs: null, finish_reason: finish }] });
  const events = pieces(result.text).map((piece) => chunk(piece));
  events.push(chunk('', result.finish));
  if (body.stream_options?.include_usage) {
    events.push({ id, object: 'text_completion', created, model: result.model, choices: [], usage: usage(result.promptTokens, result.tokens) });
  }
  stream(res, events);
}

function authorized(req) {
  if (!options.apiKey || broken('auth-ignored')) return true;
  return req.headers.authorization === `Bearer ${options.apiKey}`;
}

function readJson(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > 8 * 1024 * 1024) { reject(new HttpError(413, 'BadRequestError', 'the body is larger than 8 MiB')); req.destroy(); return; }
      chunks.push(chunk);
    });
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch (e) {
        reject(broken('bad-json-500') ? new HttpError(500, 'InternalServerError', 'Internal Server Error')
          : new HttpError(400, 'BadRequestError', `the body is not valid JSON: ${e.message}`));
      }
    });
    req.on('error', reject);
  });
}

const server = http.createServer(async (req, res) => {
  const path = new URL(req.url, 'http://x').pathname;
  try {
    if (req.method === 'GET' && path === '/health') { res.writeHead(200); res.end(); return; }
    if (req.method === 'GET' && path === '/version') { sendJson(res, 200, { version: '0.11.0' }); return; }
    if (path.startsWith('/v1/') && !authorized(req)) { sendJson(res, 401, { error: 'Unauthorized' }); return; }
    if (req.method === 'GET' && path === '/v1/models' && !broken('no-models')) {
      sendJson(res, 200, { object: 'list', data: [{ id: options.model, object: 'model', created, owned_by: 'independent',
        root: options.model, parent: null, max_model_len: options.maxModelLen }] });
      return;
    }
    if (req.method === 'POST' && path === '/v1/chat/completions') { chatResponse(res, await readJson(req)); return; }
    if (req.method === 'POST' && path === '/v1/completions') { completionResponse(res, await readJson(req)); return; }
    throw new HttpError(404, 'NotFoundError', `no route for ${req.method} ${path}`);
  } catch (error) {
    if (!(error instanceof HttpError)) error = new HttpError(500, 'InternalServerError', 'Internal Server Error');
    if (!res.headersSent) sendError(res, error); else res.destroy();
  }
});

server.listen(options.port, '127.0.0.1', () => {
  process.stdout.write(`http://127.0.0.1:${server.address().port}/v1\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
