import { Module } from '@nestjs/common';
import { MessagesController } from './messages.controller';
import { MessageThreadsController } from './message-threads.controller';
import { MessagesService } from './messages.service';

/** Threads between a couple and their therapists, and the messages in them. */
@Module({
  controllers: [MessageThreadsController, MessagesController],
  providers: [MessagesService],
})
export class MessagesModule {}
