import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { ErrorBodyDto } from './common/error-body';
import { correctDocument } from './common/openapi-document';
import { documentProcedureSteps, stepBodyModels } from './procedures/steps-openapi';
import { STEP_FIELD, stepFieldSchema } from './procedures/procedure-steps.responses';

/**
 * The API's OpenAPI document, with the refusals any operation can give (`correctDocument`): served at
 * /api/openapi.json, and turned into the web app's types by `npm run openapi:types`.
 */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('LawGate API')
      .setDescription(
        'Statutory review procedures for administrative normative documents and major administrative decisions. ' +
          'Sign in at POST /api/auth/login and send the token as `Authorization: Bearer <token>`. ' +
          'Every error is `{ code, message, details }`.',
      )
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
    { extraModels: [ErrorBodyDto, ...stepBodyModels()] },
  );
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, [STEP_FIELD]: stepFieldSchema() },
  };
  return correctDocument(documentProcedureSteps(document));
}
