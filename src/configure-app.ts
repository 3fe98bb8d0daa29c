import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { bodyReadingErrors, refuseUndecodableUrl, requireBodyType, verifyForm, verifyUtf8 } from './common/request-input';
import { AppConfig } from './config/app-config';
import { APP_CONFIG } from './config/config.module';
import { webAssets } from './web/shell/web-assets';

export const JSON_BODY_LIMIT = '256kb';

/**
 * Everything about the HTTP app that is not a module: body limits, API docs, shutdown. Used by
 * main.ts and by the e2e tests, so tests run exactly what production runs.
 */
export function configureApp(app: INestApplication): INestApplication {
  const express = app as NestExpressApplication;
  express.disable('x-powered-by');
  // Behind a reverse proxy: the client's address (sign-in throttling) and scheme (Secure cookies).
  express.set('trust proxy', app.get<AppConfig>(APP_CONFIG).trustProxy);
  express.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'none'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
      strictTransportSecurity: { maxAge: 31536000, includeSubDomains: true },
      referrerPolicy: { policy: 'no-referrer' },
    }),
  );
  // Case data must never sit in a browser or proxy cache; only static assets may be cached.
  express.use((request: Request, response: Response, next: NextFunction) => {
    if (!request.path.startsWith('/assets/')) response.setHeader('Cache-Control', 'no-store');
    next();
  });
  express.use(cookieParser());
  express.use(refuseUndecodableUrl);
  express.use('/assets', webAssets());
  express.set('query parser', 'simple');
  express.use(requireBodyType);
  express.useBodyParser('json', { limit: JSON_BODY_LIMIT, strict: true, verify: verifyUtf8 });
  express.useBodyParser('urlencoded', { limit: JSON_BODY_LIMIT, extended: false, verify: verifyForm });
  express.use(bodyReadingErrors);
  express.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Family liaison case tool')
      .setDescription('Milestones, the updates each family is owed, contacts, wellbeing checks, the arrest-day handbook and supervisor audit.')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  return app;
}
