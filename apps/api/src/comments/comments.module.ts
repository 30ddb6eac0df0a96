import { Module } from '@nestjs/common';
import { PersistenceModule } from '@lawgate/persistence';
import { CommentsController } from './comments.controller';
import { PublicCommentsController } from './public-comments.controller';

/** Public consultation: the public side without login, and the comments for those working on the procedure. */
@Module({ imports: [PersistenceModule], controllers: [PublicCommentsController, CommentsController] })
export class CommentsModule {}
