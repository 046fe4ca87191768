import { Module } from '@nestjs/common'
import { WinstonModule } from 'nest-winston'
import { format, transports } from 'winston'
import * as path from 'path'

const fileTransport = new transports.File({
  filename: path.resolve(process.cwd(), 'logs/app.log'),
  maxsize: 10 * 1024 * 1024,
})

@Module({
  imports: [
    WinstonModule.forRoot({
      format: format.json(),
      transports: [
        fileTransport,
      ],
    }),
  ],
})
export class LoggingModule {}
