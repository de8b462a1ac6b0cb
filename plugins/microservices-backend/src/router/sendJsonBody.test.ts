import express from 'express';
import request from 'supertest';
import { JsonBody } from '../service/JsonBody';
import { sendJsonBody } from './sendJsonBody';

describe('sendJsonBody', () => {
  const body = new JsonBody({ serviceCount: 2, name: 'Zürich' });
  const app = express();
  app.get('/summary', (_req, res) => sendJsonBody(res, body));

  it('sends the serialized body as JSON with its ETag', async () => {
    const res = await request(app).get('/summary');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers.etag).toBe(body.etag);
    expect(res.body).toEqual({ serviceCount: 2, name: 'Zürich' });
  });

  it('answers 304 to a request that has it', async () => {
    const res = await request(app)
      .get('/summary')
      .set('If-None-Match', body.etag);
    expect(res.status).toBe(304);
    expect(res.text).toBe('');
  });

  it('gives another body another tag', () => {
    expect(new JsonBody({ serviceCount: 3 }).etag).not.toBe(body.etag);
  });
});
