import { Global, Module } from '@nestjs/common';
import { UnitOfWork } from './unit-of-work';
import { WalCheckpointer } from './wal-checkpointer';

@Global()
@Module({ providers: [UnitOfWork, WalCheckpointer], exports: [UnitOfWork] })
export class DatabaseModule {}
